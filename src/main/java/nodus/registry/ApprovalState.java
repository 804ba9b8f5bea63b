package nodus.registry;

/** Where an exported model version stands: a researcher proposes it, a supervisor approves or rejects it. */
public enum ApprovalState {
    EXPORTED, PROPOSED, APPROVED, REJECTED
}
