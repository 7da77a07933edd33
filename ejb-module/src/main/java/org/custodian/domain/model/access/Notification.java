package org.custodian.domain.model.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.custodian.domain.model.user.Role;

/** A message for everyone holding a role, e.g. the privacy officers being told of a break-glass override. */
@Entity
@Table(name = "notification")
@NamedQuery(name = "Notification.findForRoles", query = "SELECT n FROM Notification n"
        + " WHERE n.recipientRole IN :roles AND (n.recipientUser IS NULL OR n.recipientUser = :user)"
        + " ORDER BY n.createdAt DESC, n.id DESC")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_role", nullable = false, length = 32)
    private Role recipientRole;

    @Column(nullable = false, length = 32)
    private String topic;

    @Column(name = "resource_type", nullable = false, length = 32)
    private String resourceType;

    @Column(name = "resource_id", nullable = false, length = 64)
    private String resourceId;

    @Column(nullable = false, length = 2000)
    private String message;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** For one person holding the role (an access reviewer's reminder); null: for everyone holding it. */
    @Column(name = "recipient_user", length = 64)
    private String recipientUser;

    protected Notification() {
        // for JPA
    }

    public Notification(Role recipientRole, String topic, String resourceType, String resourceId, String message,
            Instant now) {
        this.recipientRole = recipientRole;
        this.topic = topic;
        this.resourceType = resourceType;
        this.resourceId = resourceId;
        this.message = message.length() > 2000 ? message.substring(0, 2000) : message;
        this.createdAt = now;
    }

    /** A message for one person, shown to them while they hold {@code recipientRole}. */
    public static Notification forUser(String username, Role recipientRole, String topic, String resourceType,
            String resourceId, String message, Instant now) {
        Notification notification = new Notification(recipientRole, topic, resourceType, resourceId, message, now);
        notification.recipientUser = username;
        return notification;
    }

    public String getRecipientUser() {
        return recipientUser;
    }

    public Long getId() {
        return id;
    }

    public Role getRecipientRole() {
        return recipientRole;
    }

    public String getTopic() {
        return topic;
    }

    public String getResourceType() {
        return resourceType;
    }

    public String getResourceId() {
        return resourceId;
    }

    public String getMessage() {
        return message;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
