-- expect: cannot be implemented
CREATE TABLE owners (id uuid PRIMARY KEY);
CREATE TABLE pets (id uuid PRIMARY KEY, owner_id integer REFERENCES owners(id));
