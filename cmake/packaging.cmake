# `cpack -G DEB` in a build directory (`cpack --preset package`: the `release` preset's build,
# the app alone, stripped here) makes hpascope_<version>_amd64.deb from the install rules
# (bin/hpascope, the desktop entry, the icons, the metainfo). The Qt and other library packages
# it depends on are read off the binary by dpkg-shlibdeps (package dpkg-dev); the Qt plugins it
# loads at run time are named here by hand.
set(HPASCOPE_PACKAGE_MAINTAINER "hpascope developers <hpascope@users.noreply.github.com>"
    CACHE STRING "The Debian package's Maintainer field")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME hpascope)
set(CPACK_PACKAGE_VENDOR hpascope)
set(CPACK_PACKAGE_CONTACT "${HPASCOPE_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Lines under 80 characters, as Debian's extended descriptions want them.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "hpascope watches Kubernetes HorizontalPodAutoscalers live through your"
    "kubeconfig: each metric against its target, the replicas, the conditions,"
    "the behavior the controller applies and the events, with replica and metric"
    "timelines. With a port of the controller's algorithm it explains why an HPA"
    "is or is not scaling, and when it will. It writes PDF, HTML and PNG reports"
    "from its recorded history, and its embedded demo cluster (hpascope --demo)"
    "needs no Kubernetes.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # hpascope_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${HPASCOPE_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded as a plugin, so dpkg-shlibdeps cannot see it: the history database's SQLite driver. The
# SVG icon engine (the window icon) comes with libqt6svg6, which the binary links, and the X11
# platform plugin with libqt6gui6.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland")

include(CPack)
