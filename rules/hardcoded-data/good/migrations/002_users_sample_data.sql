INSERT INTO users (id, email) VALUES (1, 'demo@example.com') ON CONFLICT (id) DO NOTHING;
