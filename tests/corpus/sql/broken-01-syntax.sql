-- expect: syntax error at or near "TABEL"
CREATE TABEL users (id uuid PRIMARY KEY);
