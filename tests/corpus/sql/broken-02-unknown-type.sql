-- expect: type "varchar2" does not exist
CREATE TABLE users (
  id uuid PRIMARY KEY,
  email varchar2(200) NOT NULL
);
