-- expect: column "nme" does not exist
CREATE TABLE products (id uuid PRIMARY KEY, name text NOT NULL);
CREATE INDEX products_name_idx ON products (nme);
