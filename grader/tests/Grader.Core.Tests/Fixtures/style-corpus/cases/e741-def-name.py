def l():
    pass
