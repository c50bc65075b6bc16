-- sms_sends recorded every SMS reservation; nothing has read it since the rolling 24 hours moved
-- to sms_account_windows (0033) and the month to sms_budget_shards (0032), and what an SMS cost
-- is recorded per delivery in sms_deliveries (0030), from what the provider accepted. Each
-- sign-in still wrote a row and two index entries to it.
DROP TABLE sms_sends;
