package nodus.study;

/** RUNNING until every planned run has ended or can never start; then FINISHED (all finished) or FAILED. */
public enum StudyStatus { RUNNING, FINISHED, FAILED }
