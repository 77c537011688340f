-- expect: relation "members" does not exist
CREATE TABLE bookings (
  id uuid PRIMARY KEY,
  member_id uuid NOT NULL REFERENCES members(id)
);
