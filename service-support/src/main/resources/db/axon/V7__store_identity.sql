-- The event store's identity (docs/adr/0019): a random id made once, when the store's database is created. Every
-- message the kafka-publisher sends carries it (header ntm-store), so the topic's records can be traced to the store
-- they came from. A database reset gets a new id; a database restored from a backup keeps its id.
create table store_identity (
    id         uuid        primary key,
    created_at timestamptz not null default now(),
    -- one row only
    one_row    boolean     not null default true unique check (one_row)
);
insert into store_identity (id) values (gen_random_uuid());

-- A disagreement between the store and its topic found at a start (StoreTopicCheck), kept so that a later start still
-- reports it after newer events were published over it. It ends when the topic is deleted and created again (Kafka then
-- gives the topic a new id), or when an operator deletes the row having accepted the topic as it is.
create table topic_disagreement (
    topic    text        primary key,
    -- Kafka's id of the topic when the disagreement was found; '' when the topic did not exist
    topic_id text        not null,
    reason   text        not null,
    found_at timestamptz not null
);
