-- expect: syntax error at or near "created_at"
CREATE TABLE posts (
  id uuid PRIMARY KEY,
  body text NOT NULL
  created_at timestamptz NOT NULL DEFAULT now()
);
