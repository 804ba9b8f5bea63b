package nodus.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nodus.base.security.Role;
import nodus.experiment.NewRun;
import nodus.experiment.Run;
import nodus.experiment.RunEvent;
import nodus.experiment.RunService;
import nodus.experiment.RunStatus;
import nodus.experiment.compare.ComparisonService;
import nodus.experiment.compare.ComparisonSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves studies forward, event-driven: when a run ends (its {@link RunEvent.Ended} is committed), every study
 * holding it launches the planned runs whose prerequisites have now all FINISHED — through
 * {@link RunService#launch}, which queues them on the job engine and returns an existing run with the same
 * content address instead of recomputing — and blocks those whose prerequisite failed or was cancelled. When
 * nothing is left to wait for, the study ends (FINISHED, or FAILED if any run did not finish) and one saved
 * comparison per task is made of its finished runs. At start-up, running studies are advanced once, for runs
 * that ended while no process listened.
 */
@Component
class StudyOrchestrator {

    private static final Logger log = LoggerFactory.getLogger(StudyOrchestrator.class);

    private final StudyRepository studies;
    private final RunService runs;
    private final ComparisonService comparisons;
    private final TransactionTemplate newTransaction;

    StudyOrchestrator(StudyRepository studies, RunService runs, ComparisonService comparisons,
                      PlatformTransactionManager transactions) {
        this.studies = studies;
        this.runs = runs;
        this.comparisons = comparisons;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener
    void onRunEnded(RunEvent.Ended ended) {
        for (long studyId : studies.studiesOfRun(ended.runId())) {
            try {
                advance(studyId);
            } catch (RuntimeException e) {
                // The run's own end is committed; a study that cannot advance now is retried at the next event
                // or start-up.
                log.warn("study {} could not advance after run {} ended", studyId, ended.runId(), e);
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        for (Study s : studies.findRunning()) {
            try {
                advance(s.id());
            } catch (RuntimeException e) {
                log.warn("study {} could not advance at start-up", s.id(), e);
            }
        }
    }

    /** Launches what is ready, blocks what can never run, ends the study when all has settled. Idempotent. */
    synchronized void advance(long studyId) {
        Study study = studies.findById(studyId).orElseThrow();
        asResearcher(study.createdBy(), () -> newTransaction.executeWithoutResult(tx -> step(study)));
    }

    private void step(Study study) {
        boolean changed = true;
        while (changed) {
            changed = false;
            List<StudyRepository.Row> rows = studies.runs(study.id());
            Map<String, StudyRepository.Row> byKey = new HashMap<>();
            rows.forEach(r -> byKey.put(r.key(), r));
            for (StudyRepository.Row row : rows) {
                if (row.runId() != null || row.blockedBy() != null) {
                    continue;
                }
                String blocker = null;
                boolean ready = true;
                for (String dep : row.dependsOn()) {
                    StudyRepository.Row d = byKey.get(dep);
                    RunStatus status = d.runId() == null ? null : runs.find(d.runId()).orElseThrow().status();
                    if (d.blockedBy() != null || status == RunStatus.FAILED || status == RunStatus.CANCELLED) {
                        blocker = d.name() + " (" + d.task() + ")";
                        break;
                    }
                    ready &= status == RunStatus.FINISHED;
                }
                if (blocker != null) {
                    studies.block(study.id(), row.key(), blocker);
                    changed = true;
                } else if (ready) {
                    String spec = row.deepFrom() == null ? row.specJson()
                            : StudyPlanner.withDeepFeatureRun(row.specJson(), byKey.get(row.deepFrom()).runId());
                    Run run = runs.launch(new NewRun(study.experimentId(), row.name(), row.kind(), row.task(),
                            study.cohortRef(), row.splitHash(), spec, row.seed()));
                    boolean reused = run.createdAt().isBefore(study.createdAt());
                    studies.setRun(study.id(), row.key(), run.id(), reused);
                    log.info("study {}: {} → run {}{}", study.id(), row.key(), run.id(),
                            reused ? " (reused, " + run.status() + ")" : "");
                    changed = true;
                }
            }
        }
        finishIfSettled(study);
    }

    private void finishIfSettled(Study study) {
        List<StudyRepository.Row> rows = studies.runs(study.id());
        boolean allFinished = true;
        Map<String, List<Long>> finishedByTask = new java.util.LinkedHashMap<>();
        for (StudyRepository.Row r : rows) {
            if (r.blockedBy() != null) {
                allFinished = false;
                continue;
            }
            if (r.runId() == null) {
                return;
            }
            RunStatus status = runs.find(r.runId()).orElseThrow().status();
            if (!status.isTerminal()) {
                return;
            }
            allFinished &= status == RunStatus.FINISHED;
            if (status == RunStatus.FINISHED) {
                finishedByTask.computeIfAbsent(r.task(), t -> new ArrayList<>()).add(r.runId());
            }
        }
        boolean ownYouden = studies.threshold(study.id()).equals("own-youden");
        Map<String, String> existing = studies.comparisons(study.id());
        finishedByTask.forEach((task, ids) -> {
            if (!existing.containsKey(task)) {
                ComparisonSpec cs = new ComparisonSpec(study.experimentId(), ids.stream().distinct().toList(), null,
                        ownYouden
                                ? ComparisonSpec.ThresholdChoice.OWN_YOUDEN
                                : ComparisonSpec.ThresholdChoice.TRAINING_YOUDEN, null, null);
                studies.addComparison(study.id(), task,
                        comparisons.save(study.name() + " — " + task, cs).id());
            }
        });
        studies.end(study.id(), allFinished ? StudyStatus.FINISHED : StudyStatus.FAILED);
        log.info("study {} '{}' {}", study.id(), study.name(), allFinished ? "finished" : "ended with failures");
    }

    /** Runs are launched in the name of the study's author, whoever's thread (a job worker) ends a run. */
    static void asResearcher(String user, Runnable work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Role.RESEARCHER_NAME))));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
