package vn.ocop.registry.producer;

public enum Gender {
    FEMALE, MALE, OTHER
}
