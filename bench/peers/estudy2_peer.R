#!/usr/bin/env Rscript
# Driver for the R peer, the estudy2 package 0.10.0 (github.com/irudnyts/estudy2), on the first N
# events (default 100) of the peer workload (../shared/bench/peer-load), for bench/peer-load.ts
# (issue 15 §1). Our code: it only calls estudy2's exported functions (apply_market_model,
# parametric_tests, nonparametric_tests, car_parametric_tests, car_nonparametric_tests); none of the
# package is copied here.
#
#   R_LIBS=/opt/peers/R Rscript estudy2_peer.R --data DIR --out CSV [--events N] [--aggregate CSV]
#
# estudy2 studies events that share one calendar date. The package's article "Hacking estudy2"
# (vignettes/estudy2-hack.Rmd) lines staggered events up by shifting each firm's dates so that the
# event days coincide. We shift in trading days, not calendar days, so that no weekend mismatch
# drops rows: each event becomes one column on a common event-time axis of 271 rows, row k holding
# trading day k - 260 of that event (dates 2000-01-01 + k stand in for event time; the weekday
# column of estudy2's output is then meaningless). Its own market return is the regressor of each
# column (same_regressor_for_all = FALSE). Then:
#   market model (single-index, OLS) fitted on event days [-260, -11];
#   parametric_tests and nonparametric_tests (all = TRUE: the 6 parametric and 6 nonparametric daily
#   tests) over the event window [-10, +10];
#   car_parametric_tests and car_nonparametric_tests (all = TRUE: Lamb, Brown-Warner 1985, rank)
#   over each CAR window [-1, 1], [0, 1], [-5, 5].
# Output: one CSV row per event, symbol, event_date, the 21 ARs and the 3 CARs (CAR = sum of the
# package's abnormal returns over the window), 17 significant digits; --aggregate writes the tests'
# tables. Prints peer-read-s (reading and shifting), peer-fit-s, peer-tests-s, peer-compute-s
# (fit + tests + writing, wall) and peer-compute-cpu-s (the same, CPU) to stderr.

t_start <- proc.time()[["elapsed"]]
suppressPackageStartupMessages(library(estudy2))

args <- commandArgs(trailingOnly = TRUE)
opt <- function(name, default = NULL) {
    i <- match(paste0("--", name), args)
    if (is.na(i)) return(default)
    if (i == length(args)) stop(paste0("--", name, " needs a value"))
    args[[i + 1]]
}
data_dir <- opt("data")
out_file <- opt("out")
if (is.null(data_dir) || is.null(out_file)) stop("usage: estudy2_peer.R --data DIR --out CSV [--events N] [--aggregate CSV]")
n_events <- as.integer(opt("events", "100"))
aggregate_file <- opt("aggregate")

EST <- c(-260L, -11L)
WIN <- c(-10L, 10L)
CARS <- list(c(-1L, 1L), c(0L, 1L), c(-5L, 5L))
ORIGIN <- as.Date("2000-01-01")
# event time k lives on date ORIGIN + (k - EST[1])
day <- function(k) ORIGIN + (k - EST[[1]])

t_imported <- proc.time()[["elapsed"]]
returns <- utils::read.csv(file.path(data_dir, "returns.csv"), colClasses = c("character", "character", "numeric"))
market <- utils::read.csv(file.path(data_dir, "market.csv"), colClasses = c("character", "numeric"))
events <- utils::read.csv(file.path(data_dir, "events.csv"), colClasses = c("character", "character"))
if (!identical(names(events)[1:2], c("symbol", "event_date"))) stop(paste(file.path(data_dir, "events.csv"), ": header must be symbol,event_date"))
events <- events[seq_len(min(n_events, nrow(events))), ]

# The table's calendar is every date of returns.csv (as evstudy's); ISO dates sort as text.
calendar <- sort(unique(returns$date))
market_on <- market$return[match(calendar, market$date)]
# rows [-260, +10]: estimation [-260, -11] then the event window [-10, +10], 271 rows
n_rows <- WIN[[2]] - EST[[1]] + 1L
rates <- matrix(NA_real_, n_rows, nrow(events))
regressors <- matrix(NA_real_, n_rows, nrow(events))
# One split of the long table, not one scan of it per event: our preparation, not the peer's work.
by_symbol <- split(returns[, c("date", "return")], returns$symbol)
for (e in seq_len(nrow(events))) {
    sym <- by_symbol[[events$symbol[[e]]]]
    if (is.null(sym)) stop(paste("event", e, ": no returns for", events$symbol[[e]]))
    own <- sym$return[match(calendar, sym$date)]
    i0 <- match(events$event_date[[e]], calendar)
    if (is.na(i0)) stop(paste("event", e, events$symbol[[e]], events$event_date[[e]], "is not a date of returns.csv"))
    rows <- (i0 + EST[[1]]):(i0 + WIN[[2]])
    if (rows[[1]] < 1L || rows[[length(rows)]] > length(calendar)) stop(paste("event", e, "runs off the calendar"))
    rates[, e] <- own[rows]
    regressors[, e] <- market_on[rows]
}
colnames(rates) <- paste0("e", seq_len(nrow(events)))
colnames(regressors) <- colnames(rates)
axis <- day(EST[[1]]:WIN[[2]])
rates <- zoo::zoo(rates, order.by = axis)
regressors <- zoo::zoo(regressors, order.by = axis)
t_read <- proc.time()[["elapsed"]]
cpu <- function() { p <- proc.time(); p[["user.self"]] + p[["sys.self"]] }
cpu_read <- cpu()

fitted <- apply_market_model(
    rates,
    regressors = regressors,
    same_regressor_for_all = FALSE,
    market_model = "sim",
    estimation_method = "ols",
    estimation_start = day(EST[[1]]),
    estimation_end = day(EST[[2]])
)
t_fit <- proc.time()[["elapsed"]]

daily_parametric <- parametric_tests(fitted, day(WIN[[1]]), day(WIN[[2]]))
daily_nonparametric <- nonparametric_tests(fitted, day(WIN[[1]]), day(WIN[[2]]))
car_tests <- lapply(CARS, function(w) {
    list(
        window = paste0("[", w[[1]], ",", w[[2]], "]"),
        parametric = car_parametric_tests(fitted, day(w[[1]]), day(w[[2]])),
        nonparametric = car_nonparametric_tests(fitted, day(w[[1]]), day(w[[2]]))
    )
})
t_tests <- proc.time()[["elapsed"]]

fmt <- function(x) sprintf("%.17g", x)
win_days <- WIN[[1]]:WIN[[2]]
lines <- character(nrow(events) + 1L)
lines[[1]] <- paste(c("symbol", "event_date", paste0("ar", win_days), vapply(CARS, function(w) paste0("car", w[[1]], ":", w[[2]]), "")), collapse = ",")
for (e in seq_len(nrow(events))) {
    ab <- fitted[[e]]$abnormal
    ar <- as.numeric(zoo::coredata(ab[zoo::index(ab) >= day(WIN[[1]]) & zoo::index(ab) <= day(WIN[[2]])]))
    if (length(ar) != length(win_days)) stop(paste("event", e, ": estudy2 returned", length(ar), "abnormal returns in the event window"))
    cars <- vapply(CARS, function(w) {
        s <- 0
        for (k in w[[1]]:w[[2]]) s <- s + ar[[k - WIN[[1]] + 1L]]
        s
    }, 0)
    lines[[e + 1L]] <- paste(c(events$symbol[[e]], events$event_date[[e]], fmt(ar), fmt(cars)), collapse = ",")
}
writeLines(lines, out_file)
if (!is.null(aggregate_file)) {
    con <- file(aggregate_file, "w")
    writeLines("# daily parametric tests (event time: date 2000-01-01 + k + 260 is day k)", con)
    utils::write.csv(daily_parametric, con, row.names = FALSE)
    writeLines("# daily nonparametric tests", con)
    utils::write.csv(daily_nonparametric, con, row.names = FALSE)
    for (t in car_tests) {
        writeLines(paste("# CAR parametric tests", t$window), con)
        utils::write.csv(t$parametric, con, row.names = FALSE)
        writeLines(paste("# CAR nonparametric tests", t$window), con)
        utils::write.csv(t$nonparametric, con, row.names = FALSE)
    }
    close(con)
}
t_end <- proc.time()[["elapsed"]]
cpu_end <- cpu()
message(sprintf("peer-imports-s %.6f", t_imported - t_start))
message(sprintf("peer-read-s %.6f", t_read - t_imported))
message(sprintf("peer-fit-s %.6f", t_fit - t_read))
message(sprintf("peer-tests-s %.6f", t_tests - t_fit))
message(sprintf("peer-compute-s %.6f", t_end - t_read))
message(sprintf("peer-compute-cpu-s %.6f", cpu_end - cpu_read))
message(sprintf("peer-events %d", nrow(events)))
