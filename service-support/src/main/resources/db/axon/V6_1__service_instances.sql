-- The live instances of an event-sourced service, each beating every few seconds (vn.ntm.support.axon
-- SegmentBalancer): how many instances share the streaming processors' segments. token_entry cannot say, since an
-- instance holding no segment has no row there. docs/adr/0017.
CREATE TABLE service_instance (
    instance_id character varying(255) PRIMARY KEY,
    beat_at timestamp with time zone NOT NULL
);
