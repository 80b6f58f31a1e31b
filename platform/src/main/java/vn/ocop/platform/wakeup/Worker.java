package vn.ocop.platform.wakeup;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

/**
 * Background work that runs on its own thread whenever it is woken, one run at a time. Wake-ups that arrive during a
 * run coalesce into a single further run, so a burst of commits costs at most two runs, and no wake-up is lost: work
 * committed while a run was already past it is picked up by the run that follows.
 */
public final class Worker {
    private static final Logger LOG = Logger.getLogger(Worker.class);

    private final String name;
    private final Runnable work;
    private final ExecutorService thread;
    /** 0 = idle, 1 = running, 2 = running and woken again meanwhile. */
    private final AtomicInteger state = new AtomicInteger();

    Worker(String name, Runnable work) {
        this.name = name;
        this.work = work;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ocop-wakeup-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    public String name() {
        return name;
    }

    /** Asks for a run as soon as possible; returns at once. */
    public void wake() {
        if (state.getAndUpdate(s -> Math.min(s + 1, 2)) == 0) {
            try {
                thread.execute(this::runWhileWoken);
            } catch (RejectedExecutionException e) {
                state.set(0); // shutting down
            }
        }
    }

    private void runWhileWoken() {
        do {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "Run of %s failed; the next wake-up or poll tries again", name);
            }
        } while (state.decrementAndGet() > 0);
    }

    void stop() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
