-- expect: has no default operator class for access method "gist"
CREATE TABLE rooms (
  id uuid PRIMARY KEY,
  label text NOT NULL
);

CREATE TABLE bookings (
  id uuid PRIMARY KEY,
  room_id uuid NOT NULL REFERENCES rooms(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
);
