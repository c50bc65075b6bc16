import './FaqList.css';

export interface FaqItem {
  question: string;
  answer: string;
}

/** Questions that open to show their answer; native details/summary is keyboard and reader friendly. */
export function FaqList({ items }: { items: FaqItem[] }) {
  return (
    <div className="faq">
      {items.map((item) => (
        <details className="faq__item" key={item.question}>
          <summary className="faq__question">{item.question}</summary>
          <p className="faq__answer">{item.answer}</p>
        </details>
      ))}
    </div>
  );
}
