package nodus.experiment.tracking;

/** What an outbox entry asks the backend to do. */
enum EntryKind {
    /** Create the remote run (experiment, params from the spec, tags) and upload spec.json. */
    CREATED,
    /** The run started: nothing more than making sure the remote run exists. */
    STARTED,
    /** Metric points, payload = their key, step, value and timestamp (ms). */
    METRICS,
    /** Per-case predictions were saved: upload predictions.csv made from the database. */
    PREDICTIONS,
    /** The run ended: upload provenance.json, set the final status. Payload = the status. */
    ENDED,
    /** Upload a file, payload = {"path": artifact path, "file": local file}. */
    ARTIFACT,
    /** Register a model version, payload = model, version, description, tags. */
    REGISTER_MODEL,
    /** Move an alias, payload = model, version, alias. */
    ALIAS
}
