ALTER TABLE price_history ALTER COLUMN client_ip TYPE inet;
ALTER TABLE price_history ALTER COLUMN price TYPE decimal(12,2);
