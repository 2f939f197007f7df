x = a @ b @ c
