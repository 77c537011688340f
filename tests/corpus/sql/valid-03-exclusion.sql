-- Two bookings of one room may not overlap: an exclusion constraint on the room and the period, which needs btree_gist for the uuid '='.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE rooms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  label text NOT NULL
);

CREATE TABLE bookings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  room_id uuid NOT NULL REFERENCES rooms(id) ON DELETE RESTRICT,
  status text NOT NULL DEFAULT 'held' CHECK (status IN ('held','confirmed','cancelled')),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status NOT IN ('cancelled'))
);
CREATE INDEX bookings_room_id_idx ON bookings (room_id);
