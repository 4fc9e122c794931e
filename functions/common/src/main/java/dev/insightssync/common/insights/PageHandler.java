package dev.insightssync.common.insights;

/** Receives each page of a listing, in order, on the thread that fetched it. */
@FunctionalInterface
public interface PageHandler {

    /** Processes one page; an exception ends the listing and propagates to the caller. */
    void accept(InsightsPage page);
}
