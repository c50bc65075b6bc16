-- A link to the invoice document where the company's billing system provides one (issue 14 item 10).
-- The portal opens it in the browser, so only https addresses are stored.
ALTER TABLE invoices
  ADD COLUMN document_url text CHECK (document_url IS NULL OR (document_url LIKE 'https://%' AND length(document_url) <= 2000));
