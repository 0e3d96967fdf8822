"""Zist: environmental and crisis management for cities and industries."""
