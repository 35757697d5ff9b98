-- +goose Up
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE people (id bigint PRIMARY KEY, name text, current_mood mood);
CREATE TABLE labels (current_mood text);  -- expect: missing-primary-key
