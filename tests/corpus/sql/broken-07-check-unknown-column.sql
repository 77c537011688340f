-- expect: column "state" does not exist
CREATE TABLE tickets (
  id uuid PRIMARY KEY,
  status text NOT NULL CHECK (state IN ('open', 'closed'))
);
