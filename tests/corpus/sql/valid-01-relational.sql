CREATE TABLE customers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL REFERENCES customers(id) ON DELETE RESTRICT,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','paid','shipped')),
  total numeric(12,2) NOT NULL CHECK (total >= 0),
  attributes jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
COMMENT ON TABLE customers IS 'Contains PII';
