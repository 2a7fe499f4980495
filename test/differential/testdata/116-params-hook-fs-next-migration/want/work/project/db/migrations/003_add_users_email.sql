-- follows 002_add_orders
BEGIN;
-- TODO: Add users email
COMMIT;
