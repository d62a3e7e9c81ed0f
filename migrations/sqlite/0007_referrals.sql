-- The answer to a referral: who gave it (when and why are in answered_at and
-- answer_reason, from 0006). A referral is answered once: after it leaves 'sent' it is
-- never changed again, and no referral is ever removed.

ALTER TABLE referrals ADD COLUMN answered_by INTEGER REFERENCES staff (id);

CREATE TRIGGER referrals_are_answered_once BEFORE UPDATE ON referrals
WHEN OLD.state <> 'sent'
  OR NEW.complaint_id IS NOT OLD.complaint_id OR NEW.from_office IS NOT OLD.from_office
  OR NEW.to_office IS NOT OLD.to_office OR NEW.at IS NOT OLD.at
  OR NEW.staff_id IS NOT OLD.staff_id
  OR NEW.external_reference IS NOT OLD.external_reference
BEGIN
    SELECT RAISE(ABORT, 'a referral is answered once and never changed otherwise');
END;

CREATE TRIGGER referrals_are_never_removed BEFORE DELETE ON referrals
BEGIN
    SELECT RAISE(ABORT, 'referrals are never removed');
END;
