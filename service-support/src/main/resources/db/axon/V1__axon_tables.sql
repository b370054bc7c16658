-- Axon Framework's JPA tables (event store, tokens, sagas, dead letters), owned by Flyway rather than Hibernate.
-- Payloads are bytea, never oid (see PostgresByteaDialect); the global index sequence steps by 1 (see META-INF/orm.xml).
-- Generated once from Axon 4.13's entities with that dialect; ddl-auto=validate keeps the two in step.

CREATE TABLE association_value_entry (
    id bigint NOT NULL,
    association_key character varying(255) NOT NULL,
    association_value character varying(255),
    saga_id character varying(255) NOT NULL,
    saga_type character varying(255)
);

CREATE SEQUENCE association_value_entry_seq
    START WITH 1
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE TABLE dead_letter_entry (
    enqueued_at timestamp(6) with time zone NOT NULL,
    last_touched timestamp(6) with time zone,
    processing_started timestamp(6) with time zone,
    sequence_index bigint NOT NULL,
    sequence_number bigint,
    cause_message character varying(1023),
    diagnostics bytea,
    meta_data bytea,
    payload bytea NOT NULL,
    token bytea,
    aggregate_identifier character varying(255),
    cause_type character varying(255),
    dead_letter_id character varying(255) NOT NULL,
    event_identifier character varying(255) NOT NULL,
    message_type character varying(255) NOT NULL,
    payload_revision character varying(255),
    payload_type character varying(255) NOT NULL,
    processing_group character varying(255) NOT NULL,
    sequence_identifier character varying(255) NOT NULL,
    time_stamp character varying(255) NOT NULL,
    token_type character varying(255),
    type character varying(255)
);

CREATE TABLE domain_event_entry (
    global_index bigint NOT NULL,
    sequence_number bigint NOT NULL,
    meta_data bytea,
    payload bytea NOT NULL,
    aggregate_identifier character varying(255) NOT NULL,
    event_identifier character varying(255) NOT NULL,
    payload_revision character varying(255),
    payload_type character varying(255) NOT NULL,
    time_stamp character varying(255) NOT NULL,
    type character varying(255)
);

CREATE SEQUENCE domain_event_entry_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

CREATE TABLE saga_entry (
    serialized_saga bytea,
    revision character varying(255),
    saga_id character varying(255) NOT NULL,
    saga_type character varying(255)
);

CREATE TABLE snapshot_event_entry (
    sequence_number bigint NOT NULL,
    meta_data bytea,
    payload bytea NOT NULL,
    aggregate_identifier character varying(255) NOT NULL,
    event_identifier character varying(255) NOT NULL,
    payload_revision character varying(255),
    payload_type character varying(255) NOT NULL,
    time_stamp character varying(255) NOT NULL,
    type character varying(255) NOT NULL
);

CREATE TABLE token_entry (
    segment integer NOT NULL,
    token bytea,
    owner character varying(255),
    processor_name character varying(255) NOT NULL,
    "timestamp" character varying(255) NOT NULL,
    token_type character varying(255)
);

ALTER TABLE ONLY association_value_entry
    ADD CONSTRAINT association_value_entry_pkey PRIMARY KEY (id);

ALTER TABLE ONLY dead_letter_entry
    ADD CONSTRAINT dead_letter_entry_pkey PRIMARY KEY (dead_letter_id);

ALTER TABLE ONLY dead_letter_entry
    ADD CONSTRAINT dead_letter_entry_processing_group_sequence_identifier_sequ_key UNIQUE (processing_group, sequence_identifier, sequence_index);

ALTER TABLE ONLY domain_event_entry
    ADD CONSTRAINT domain_event_entry_aggregate_identifier_sequence_number_key UNIQUE (aggregate_identifier, sequence_number);

ALTER TABLE ONLY domain_event_entry
    ADD CONSTRAINT domain_event_entry_event_identifier_key UNIQUE (event_identifier);

ALTER TABLE ONLY domain_event_entry
    ADD CONSTRAINT domain_event_entry_pkey PRIMARY KEY (global_index);

ALTER TABLE ONLY saga_entry
    ADD CONSTRAINT saga_entry_pkey PRIMARY KEY (saga_id);

ALTER TABLE ONLY snapshot_event_entry
    ADD CONSTRAINT snapshot_event_entry_event_identifier_key UNIQUE (event_identifier);

ALTER TABLE ONLY snapshot_event_entry
    ADD CONSTRAINT snapshot_event_entry_pkey PRIMARY KEY (sequence_number, aggregate_identifier, type);

ALTER TABLE ONLY token_entry
    ADD CONSTRAINT token_entry_pkey PRIMARY KEY (segment, processor_name);

CREATE INDEX idxe67wcx5fiq9hl4y4qkhlcj9cg ON dead_letter_entry USING btree (processing_group);

CREATE INDEX idxgv5k1v2mh6frxuy5c0hgbau94 ON association_value_entry USING btree (saga_id, saga_type);

CREATE INDEX idxk45eqnxkgd8hpdn6xixn8sgft ON association_value_entry USING btree (saga_type, association_key, association_value);

CREATE INDEX idxrwucpgs6sn93ldgoeh2q9k6bn ON dead_letter_entry USING btree (processing_group, sequence_identifier);

