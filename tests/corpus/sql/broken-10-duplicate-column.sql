-- expect: column "email" specified more than once
CREATE TABLE users (id uuid PRIMARY KEY, email text, email text);
