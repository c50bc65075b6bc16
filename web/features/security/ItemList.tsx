import type { ReactNode, Ref } from 'react';

export interface Item {
  id: string;
  title: string;
  /** A short tag beside the title, e.g. "This device". */
  badge?: string;
  details: (string | null)[];
  action?: ReactNode;
}

interface ItemListProps {
  items: Item[];
  /** Names the list for screen readers. */
  label: string;
  /** The list takes focus after an item is removed, so keyboard users are not left on nothing. */
  ref?: Ref<HTMLUListElement>;
}

/** Rows of things on the account (devices, sign-ins, keys): what it is, when, and what can be done. */
export function ItemList({ items, label, ref }: ItemListProps) {
  return (
    <ul className="item-list" aria-label={label} ref={ref} tabIndex={-1}>
      {items.map((item) => (
        <li className="item-list__item" key={item.id}>
          <div className="item-list__text">
            <p className="item-list__title">
              {item.title}
              {/* The space keeps title and badge apart for screen readers; flex layout hides it. */}
              {item.badge && ' '}
              {item.badge && <span className="item-list__badge">{item.badge}</span>}
            </p>
            {item.details
              .filter((detail): detail is string => !!detail)
              .map((detail) => (
                <p className="item-list__detail" key={detail}>
                  {detail}
                </p>
              ))}
          </div>
          {item.action && <div className="item-list__action">{item.action}</div>}
        </li>
      ))}
    </ul>
  );
}
