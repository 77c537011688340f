-- expect: there is no unique constraint matching given keys
CREATE TABLE accounts (id uuid PRIMARY KEY, number text NOT NULL);
CREATE TABLE transfers (id uuid PRIMARY KEY, account_number text REFERENCES accounts(number));
