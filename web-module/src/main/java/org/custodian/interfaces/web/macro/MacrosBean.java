package org.custodian.interfaces.web.macro;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.custodian.application.macro.MacroService;
import org.custodian.application.macro.MacroView;
import org.custodian.application.shared.ConflictException;
import org.custodian.domain.model.macro.Macro;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.i18n.Texts;
import org.custodian.interfaces.web.i18n.Times;
import org.custodian.interfaces.web.session.PortalCaller;

/**
 * The macros page (#23): the canned replies of the teams this team lead manages, per team; add one, change one
 * ({@code ?edit=<id>}), delete one. Every action goes back to the list by a redirect (a reload repeats nothing).
 */
@Named
@ViewScoped
public class MacrosBean implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String PAGE = "/macros.xhtml?faces-redirect=true";

    @EJB
    MacroService macros;

    @Inject
    PortalCaller portal;

    /** One team's canned replies, by name. */
    public record TeamMacros(String team, List<MacroView> macros) implements Serializable {
    }

    private boolean manager;
    private List<String> teams = List.of();
    private List<MacroView> managed = List.of();
    private Long edit;
    private MacroView editing;
    private String team;
    private String name;
    private String body;
    private String editName;
    private String editBody;

    /** The view action: the macros of the teams the user manages (nothing for anyone else). */
    public void load() {
        manager = portal.isSignedIn() && portal.may("MACRO_MANAGE");
        if (!manager) {
            return;
        }
        try {
            teams = macros.managedTeams(portal.get());
            managed = macros.list(portal.get()).stream().filter(macro -> teams.contains(macro.team())).toList();
        } catch (RuntimeException e) {
            PageFailures.show(e, null);
            return;
        }
        editing = edit == null ? null : managed.stream().filter(macro -> macro.id() == edit).findFirst().orElse(null);
        if (editing != null && !FacesContext.getCurrentInstance().isPostback()) {
            editName = editing.name();
            editBody = editing.body();
        }
        if (teams.size() == 1 && team == null) {
            team = teams.get(0);
        }
    }

    public List<TeamMacros> getByTeam() {
        List<TeamMacros> grouped = new ArrayList<>();
        for (String key : teams) {
            grouped.add(new TeamMacros(key, managed.stream().filter(macro -> macro.team().equals(key)).toList()));
        }
        return grouped;
    }

    public String create() {
        if (!placeholdersKnown(body, "create:body")) {
            return null;
        }
        MacroView created;
        try {
            created = macros.create(portal.get(), team, name, body);
        } catch (RuntimeException e) {
            return refused(e, "create");
        }
        return back(Texts.get("macros.created", created.name(), created.team()));
    }

    public String change() {
        if (editing == null || !placeholdersKnown(editBody, "change:editBody")) {
            return null;
        }
        MacroView changed;
        try {
            changed = macros.change(portal.get(), editing.id(), editName, editBody, editing.version());
        } catch (RuntimeException e) {
            return refused(e, "change");
        }
        return back(Texts.get("macros.saved", changed.name(), changed.team()));
    }

    public String delete(MacroView macro) {
        try {
            macros.delete(portal.get(), macro.id());
        } catch (RuntimeException e) {
            PageFailures.show(e, null);
            return null;
        }
        return back(Texts.get("macros.deleted", macro.name(), macro.team()));
    }

    /** A name the team has already is said under the name; anything else as the service's refusal. */
    private String refused(RuntimeException e, String form) {
        Throwable cause = e instanceof EJBException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof ConflictException && cause.getMessage() != null
                && cause.getMessage().contains("already has a macro named")) {
            String nameInput = "create".equals(form) ? "create:name" : "change:editName";
            error(nameInput, Texts.get("macros.nameTaken"));
            return null;
        }
        PageFailures.show(e, form);
        return null;
    }

    /** Unknown placeholders are named in words before anything is sent (a typo would reach a customer). */
    private boolean placeholdersKnown(String text, String input) {
        if (text == null) {
            return true;
        }
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = Macro.PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!Macro.PLACEHOLDERS.contains(matcher.group(1))) {
                unknown.add("{{" + matcher.group(1) + "}}");
            }
        }
        if (unknown.isEmpty()) {
            return true;
        }
        error(input, Texts.get("macros.unknownPlaceholder", String.join(", ", unknown)));
        return false;
    }

    private static void error(String clientId, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        faces.validationFailed();
    }

    private static String back(String done) {
        return Flow.doneAt(PAGE, done, done);
    }

    public String changedAt(MacroView macro) {
        return macro.changedAt() == null ? "" : Times.forUser(macro.changedAt());
    }

    public boolean isManager() {
        return manager;
    }

    public List<String> getTeams() {
        return teams;
    }

    public MacroView getEditing() {
        return editing;
    }

    public Long getEdit() {
        return edit;
    }

    public void setEdit(Long edit) {
        this.edit = edit;
    }

    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getEditName() {
        return editName;
    }

    public void setEditName(String editName) {
        this.editName = editName;
    }

    public String getEditBody() {
        return editBody;
    }

    public void setEditBody(String editBody) {
        this.editBody = editBody;
    }
}
