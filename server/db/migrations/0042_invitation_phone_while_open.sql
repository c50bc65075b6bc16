-- The mobile number the inviter typed is personal data kept only while the invitation is open
-- (issue 14 item 3): accepting, revoking or replacing the invitation erases it.
ALTER TABLE installation_invitations ALTER COLUMN phone DROP NOT NULL;
UPDATE installation_invitations SET phone = NULL WHERE consumed_at IS NOT NULL OR revoked_at IS NOT NULL;
ALTER TABLE installation_invitations
  ADD CONSTRAINT installation_invitations_phone_while_open CHECK ((phone IS NULL) = (consumed_at IS NOT NULL OR revoked_at IS NOT NULL));
