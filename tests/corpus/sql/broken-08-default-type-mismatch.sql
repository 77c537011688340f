-- expect: invalid input syntax for type integer
CREATE TABLE rooms (
  id uuid PRIMARY KEY,
  capacity integer NOT NULL DEFAULT 'many'
);
