SELECT "]0;title";
SELECT 'cafÂ';
