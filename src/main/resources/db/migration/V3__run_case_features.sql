-- Per-case feature vectors a run leaves for later runs, e.g. a fine-tuned backbone's penultimate (deep) features
-- that the combined model compresses with PCA. Stored as little-endian float32 bytes.
create table run_case_feature (
    run_id    bigint       not null references run (id) on delete cascade,
    case_id   varchar(200) not null,
    dimension integer      not null,
    vector    bytea        not null,
    primary key (run_id, case_id)
);
