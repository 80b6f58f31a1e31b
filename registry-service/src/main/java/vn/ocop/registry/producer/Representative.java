package vn.ocop.registry.producer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The producer's legal representative. Gender, ethnic minority and disability matter: the score sheet rewards a
 * woman, ethnic-minority or disabled representative (criterion 3.2) and the programme statistics count them.
 */
@Embeddable
public class Representative {
    @Column(name = "representative_name")
    public String fullName;
    @Column(name = "representative_title")
    public String title;
    @Enumerated(EnumType.STRING)
    @Column(name = "representative_gender")
    public Gender gender;
    @Column(name = "representative_ethnic_group")
    public String ethnicGroup;
    @Column(name = "representative_ethnic_minority")
    public boolean ethnicMinority;
    @Column(name = "representative_disabled")
    public boolean disabled;
}
