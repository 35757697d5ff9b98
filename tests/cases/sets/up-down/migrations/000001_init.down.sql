DROP TABLE items  -- a rollback is linted too
DROP TABLE other;  -- expect: syntax-error
