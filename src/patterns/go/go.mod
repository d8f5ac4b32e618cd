module csp-playground/patterns

go 1.19
