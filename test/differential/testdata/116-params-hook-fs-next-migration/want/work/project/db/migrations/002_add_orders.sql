CREATE TABLE orders (id serial);
