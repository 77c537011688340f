-- expect: function gen_uuid() does not exist
CREATE TABLE devices (id uuid PRIMARY KEY DEFAULT gen_uuid());
