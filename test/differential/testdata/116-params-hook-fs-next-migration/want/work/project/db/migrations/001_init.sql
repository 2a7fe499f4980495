CREATE TABLE users (id serial);
