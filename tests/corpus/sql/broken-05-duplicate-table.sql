-- expect: relation "orders" already exists
CREATE TABLE orders (id uuid PRIMARY KEY);
CREATE TABLE orders (id uuid PRIMARY KEY, total numeric(12,2));
