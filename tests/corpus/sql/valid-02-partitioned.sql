CREATE TABLE readings (
  device_id uuid NOT NULL,
  recorded_at timestamptz NOT NULL,
  value double precision NOT NULL,
  PRIMARY KEY (device_id, recorded_at)
) PARTITION BY RANGE (recorded_at);
CREATE TABLE readings_2026_12 PARTITION OF readings FOR VALUES FROM ('2026-12-01') TO ('2027-01-01');
CREATE INDEX readings_recorded_at_idx ON readings (recorded_at);
