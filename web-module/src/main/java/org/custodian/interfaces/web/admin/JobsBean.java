package org.custodian.interfaces.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.custodian.application.job.JobExecutionView;
import org.custodian.application.job.JobService;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.i18n.Labels;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * Batch jobs: a launch form whose inputs are the chosen job's parameters, and the executions with their step
 * metrics, refreshed by polling while the page is open (the polls are not counted as the user's activity).
 */
@Named
@ViewScoped
public class JobsBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int SHOWN = 30;

    @EJB
    JobService jobs;

    @Inject
    PortalCaller portal;

    private SortedMap<String, List<String>> launchable = new TreeMap<>();
    private String jobName;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private List<JobExecutionView> executions = new ArrayList<>();

    @PostConstruct
    void load() {
        PageFailures.read(() -> {
            launchable = jobs.launchable(portal.get());
            executions = jobs.recentExecutions(portal.get(), SHOWN);
        });
    }

    /** The poll's refresh (not audited each time: the page's first listing was). */
    public void refresh() {
        PageFailures.read(() -> executions = jobs.refreshExecutions(portal.get(), SHOWN));
    }

    /** The job chosen in the form changed: offer its parameters, empty. */
    public void chooseJob() {
        parameters.clear();
        if (jobName != null && launchable.containsKey(jobName)) {
            launchable.get(jobName).forEach(name -> parameters.put(name, null));
        }
    }

    public String launch() {
        Map<String, String> given = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                given.put(name, value.trim());
            }
        });
        try {
            JobExecutionView started = jobs.start(portal.get(), jobName, given);
            return Flow.done(Flow.text("jobs.started"), Flow.text("jobs.startedDetail", started.jobName(),
                    String.valueOf(started.executionId())));
        } catch (RuntimeException e) {
            PageFailures.show(e, "launch");
        }
        refresh();
        return null;
    }

    /** The execution comes as a request parameter, not a row index: the polled list may have changed meanwhile. */
    public String stop() {
        long executionId = chosenExecution();
        try {
            jobs.stop(portal.get(), executionId);
            return Flow.done(Flow.text("jobs.stopping"), Flow.text("jobs.stoppingDetail", String.valueOf(executionId)));
        } catch (RuntimeException e) {
            PageFailures.show(e, null);
        }
        refresh();
        return null;
    }

    public String restart() {
        long executionId = chosenExecution();
        try {
            JobExecutionView restarted = jobs.restart(portal.get(), executionId);
            return Flow.done(Flow.text("jobs.restarted"), Flow.text("jobs.restartedDetail", String.valueOf(executionId),
                    String.valueOf(restarted.executionId())));
        } catch (RuntimeException e) {
            PageFailures.show(e, null);
        }
        refresh();
        return null;
    }

    private static long chosenExecution() {
        String value = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                .get("executionId");
        return value != null && value.matches("[0-9]{1,18}") ? Long.parseLong(value) : 0;
    }

    /**
     * The step metrics of an execution in one line, in words (#23), e.g. {@code verify: read 100, written 100}; a step
     * that counted nothing (a backup's export, a restore's index builds) by its name alone.
     */
    public String metrics(JobExecutionView execution) {
        return execution.steps().stream().map(step -> {
            String counted = step.metrics().entrySet().stream().filter(metric -> metric.getValue() != 0)
                    .map(metric -> Labels.label("jobMetric", metric.getKey()) + " " + metric.getValue())
                    .collect(Collectors.joining(", "));
            return counted.isEmpty() ? step.name() : step.name() + ": " + counted;
        }).collect(Collectors.joining("; "));
    }

    /**
     * The exit status as lines: a plain status in words, a job's report of its parts ({@code verify-backups: OK sets=1;
     * restore-drill: …}, integrity-verify's) one part a line instead of one run-on paragraph in a narrow column.
     */
    public List<String> exitLines(JobExecutionView execution) {
        String exit = execution.exitStatus();
        if (exit == null || exit.isBlank()) {
            return List.of();
        }
        return exit.contains("; ") ? List.of(exit.split("; ")) : List.of(Labels.label("jobStatus", exit));
    }

    public boolean isRunning(JobExecutionView execution) {
        return "STARTING".equals(execution.status()) || "STARTED".equals(execution.status());
    }

    public boolean isRestartable(JobExecutionView execution) {
        return "FAILED".equals(execution.status()) || "STOPPED".equals(execution.status());
    }

    public List<String> getJobNames() {
        return new ArrayList<>(launchable.keySet());
    }

    public List<String> getParameterNames() {
        return new ArrayList<>(parameters.keySet());
    }

    public Map<String, String> getParameters() {
        return parameters;
    }

    public List<JobExecutionView> getExecutions() {
        return executions;
    }

    public String getJobName() {
        return jobName;
    }

    public void setJobName(String jobName) {
        this.jobName = jobName;
    }
}
