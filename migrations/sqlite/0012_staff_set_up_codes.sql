-- Accounts an administrator creates in the web interface start with a one-time set-up code
-- instead of a password: its hash is kept in password_hash, and password_set_up_until says
-- until when it may be used. At their first sign-in the member types it as their password
-- and must then choose their own (which clears this column) before enrolling a second
-- factor. NULL: the password is the member's own.

ALTER TABLE staff ADD COLUMN password_set_up_until INTEGER;
