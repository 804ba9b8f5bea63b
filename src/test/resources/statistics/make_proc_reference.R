# pROC reference values for nodus.statistics tests (DeLong CI, paired and unpaired roc.test, Youden sensitivity/
# specificity). Run from this directory: Rscript make_proc_reference.R  ->  proc_reference.json
# Made with R 4.2.2 and pROC 1.18.0 (Debian packages r-base-core, r-cran-proc).
suppressMessages(library(pROC))
d <- read.csv("test_predictions.csv")
y <- d$label; pA <- d$p_modelA_mean_radius_only; pB <- d$p_modelB_l1_all30
rA <- roc(y, pA, levels = c(0, 1), direction = "<", quiet = TRUE)
rB <- roc(y, pB, levels = c(0, 1), direction = "<", quiet = TRUE)
num <- function(x) if (is.na(x)) "null" else sprintf("%.17g", x)
model <- function(r) {
  ci <- ci.auc(r, method = "delong")
  best <- coords(r, "best", best.method = "youden", ret = c("threshold", "sensitivity", "specificity"),
                 transpose = FALSE)
  sprintf('{"auc": %s, "var": %s, "ci_low": %s, "ci_high": %s, "youden_sensitivity": %s, "youden_specificity": %s}',
          num(as.numeric(auc(r))), num(var(r, method = "delong")), num(ci[1]), num(ci[3]),
          num(best$sensitivity[1]), num(best$specificity[1]))
}
tp <- roc.test(rA, rB, method = "delong", paired = TRUE)
tu <- roc.test(rA, rB, method = "delong", paired = FALSE)
# single event: AUC defined, DeLong variance not (pROC returns NaN or NA)
r1 <- roc(c(0, 0, 1, 0, 0), c(0.1, 0.5, 0.4, 0.3, 0.2), levels = c(0, 1), direction = "<", quiet = TRUE)
# iris one-vs-rest AUCs with DeLong CIs
ir <- read.csv("threeclass_iris_test_predictions.csv")
ovr <- sapply(0:2, function(k) {
  r <- roc(as.integer(ir$label == k), ir[[paste0("p", k)]], levels = c(0, 1), direction = "<", quiet = TRUE)
  ci <- ci.auc(r, method = "delong")
  sprintf('{"auc": %s, "ci_low": %s, "ci_high": %s}', num(ci[2]), num(ci[1]), num(ci[3]))
})
out <- sprintf(paste0('{\n "versions": {"R": "%s", "pROC": "%s"},\n "modelA": %s,\n "modelB": %s,\n',
  ' "paired": {"z": %s, "p": %s},\n"unpaired": {"z": %s, "p": %s, "df": %s},\n',
  ' "single_event": {"auc": %s, "var": %s},\n "iris_ovr": [%s]\n}\n'),
  paste(R.version$major, R.version$minor, sep = "."), as.character(packageVersion("pROC")),
  model(rA), model(rB), num(tp$statistic), num(tp$p.value), num(tu$statistic), num(tu$p.value), num(tu$parameter),
  num(as.numeric(auc(r1))), num(suppressWarnings(var(r1, method = "delong"))), paste(ovr, collapse = ", "))
writeLines(out, "proc_reference.json")
