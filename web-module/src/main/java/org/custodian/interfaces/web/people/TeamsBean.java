package org.custodian.interfaces.web.people;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.custodian.application.team.NewTeam;
import org.custodian.application.team.TeamChanges;
import org.custodian.application.team.TeamService;
import org.custodian.application.team.TeamView;
import org.custodian.interfaces.web.Flow;
import org.custodian.interfaces.web.PageFailures;
import org.custodian.interfaces.web.session.PortalCaller;
import org.custodian.interfaces.web.i18n.Texts;

/** Teams by region; creating one; for the team chosen: renaming, adding members (from who may join) and removing. */
@Named
@ViewScoped
public class TeamsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    TeamService teams;

    @Inject
    PortalCaller portal;

    private String team;
    private List<RegionTeams> byRegion = new ArrayList<>();
    private TeamView chosen;
    private List<String> candidates = List.of();
    private String newKey;
    private String newName;
    private String newRegion;
    private String name;
    private String region;
    private String member;

    /** The teams of one region, as the page lists them. */
    public record RegionTeams(String region, List<TeamView> teams) implements Serializable {
    }

    public void load() {
        PageFailures.read(() -> {
            Map<String, List<TeamView>> grouped = new TreeMap<>();
            for (TeamView each : teams.list(portal.get())) {
                grouped.computeIfAbsent(each.region(), key -> new ArrayList<>()).add(each);
            }
            byRegion = grouped.entrySet().stream().map(entry -> new RegionTeams(entry.getKey(), entry.getValue()))
                    .toList();
            if (team != null && !team.isBlank()) {
                chosen = teams.get(portal.get(), team);
                name = chosen.name();
                region = chosen.region();
                if (portal.may("USER_MANAGE")) {
                    candidates = teams.candidates(portal.get(), chosen.key());
                }
            }
        });
    }

    public String create() {
        return PageFailures.attempt("newTeam", () -> {
            TeamView created = teams.create(portal.get(), new NewTeam(newKey, newName, newRegion));
            PageFailures.info(Texts.get("msg.teams.created"), created.key() + " (" + created.name() + ", " + created.region() + ")");
            return Flow.redirect(self(created.key()));
        });
    }

    public String change() {
        return PageFailures.attempt("team", () -> {
            TeamView changed = teams.change(portal.get(), chosen.key(), new TeamChanges(
                    name == null || name.equals(chosen.name()) ? null : name,
                    region == null || region.equals(chosen.region()) ? null : region));
            PageFailures.info(Texts.get("msg.teams.changed"), Texts.get("msg.teams.changed.detail", changed.key(),
                    changed.name(), changed.region()));
            return Flow.redirect(self(changed.key()));
        });
    }

    public String add() {
        return PageFailures.attempt("members", () -> {
            teams.addMember(portal.get(), chosen.key(), member);
            PageFailures.info(Texts.get("msg.teams.added"), Texts.get("msg.teams.added.detail", member, chosen.key()));
            return Flow.redirect(self(chosen.key()));
        });
    }

    public String remove(String username) {
        return PageFailures.attempt(null, () -> {
            teams.removeMember(portal.get(), chosen.key(), username);
            PageFailures.info(Texts.get("msg.teams.removed"), Texts.get("msg.teams.removed.detail", username,
                    chosen.key()));
            return Flow.redirect(self(chosen.key()));
        });
    }

    private static String self(String key) {
        return "/admin/teams.xhtml?team=" + Pages.query(key);
    }

    public List<RegionTeams> getByRegion() {
        return byRegion;
    }

    public TeamView getChosen() {
        return chosen;
    }

    public List<String> getCandidates() {
        return candidates;
    }

    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }

    public String getNewKey() {
        return newKey;
    }

    public void setNewKey(String newKey) {
        this.newKey = newKey;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getNewRegion() {
        return newRegion;
    }

    public void setNewRegion(String newRegion) {
        this.newRegion = newRegion;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getMember() {
        return member;
    }

    public void setMember(String member) {
        this.member = member;
    }
}
